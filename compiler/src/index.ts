export { parse } from "./syntax/parse.ts";
