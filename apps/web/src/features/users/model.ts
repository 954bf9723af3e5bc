import { arrayOf, num, object, withDefault } from "../../api/decode";
import { userDecoder } from "../auth/model";

export { ROLES, isRole, type Role, type User } from "../auth/model";

export const userPageDecoder = object({
  items: arrayOf(userDecoder),
  total: withDefault(num, 0),
  page: withDefault(num, 1),
  pageSize: withDefault(num, 20),
});

export const PAGE_SIZE = 20;
