export * from "./organizations";
export * from "./auth";
export * from "./audit";
export * from "./pipeline";
export * from "./deals";
export * from "./imports";
