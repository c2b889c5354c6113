// Shaped like the settings pages, which the profile looks like.
export { default } from "../settings/loading";
