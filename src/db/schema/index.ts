import "server-only";

export * from "./audit";
export * from "./auth";
export * from "./deals";
export * from "./imports";
export * from "./organizations";
export * from "./pipeline";
export * from "./setup";
