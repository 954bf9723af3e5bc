export { ROLES, isRole, type Role, type User } from "../auth/model";

export const PAGE_SIZE = 20;
