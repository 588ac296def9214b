// Loaded with `node --import`: appends every module the program resolves (one URL a line) to the
// file named by $REFERENT_TRACE_LOADS, so a test can see which packages a command loaded.
import { register } from 'node:module';
import process from 'node:process';

register('./trace-loads-hooks.mjs', import.meta.url, { data: { file: process.env.REFERENT_TRACE_LOADS } });
