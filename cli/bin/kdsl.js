#!/usr/bin/env node
// The installed `kdsl` command: the bundle built by `npm run build` (run by `prepare` on npm ci).
import "../dist/kdsl.mjs";
