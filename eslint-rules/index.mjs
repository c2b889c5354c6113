// Momentum's own lint rules, used by eslint.config.mjs as the `momentum` plugin.
import layerImports from "./layer-imports.mjs";
import requireServerOnly from "./require-server-only.mjs";

const momentum = {
  meta: { name: "eslint-plugin-momentum" },
  rules: { "layer-imports": layerImports, "require-server-only": requireServerOnly },
};

export default momentum;
