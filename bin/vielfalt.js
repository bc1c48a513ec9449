#!/usr/bin/env node
// The CLI runs the TypeScript sources directly (through tsx), so `npx vielfalt …` needs no build step.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv);
