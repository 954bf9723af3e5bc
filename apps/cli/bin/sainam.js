#!/usr/bin/env node
// Entry point for `npx sainam`: runs the TypeScript CLI with Node's type stripping (Node 24+).
import "../src/main.ts";
