export { loadConfig, type Config } from "./config.ts";
export { bootstrap, type BootReport } from "./bootstrap.ts";
export { buildApp } from "./app.ts";
export { createContext, type AppContext } from "./context.ts";
export { AppError, errors } from "./errors.ts";
export * as userService from "./users/user.service.ts";
export { generatePassword, hashPassword, verifyPassword } from "./auth/password.ts";
export { createUserBody } from "./users/user.schema.ts";
export * as examplesService from "./examples/examples.service.ts";
