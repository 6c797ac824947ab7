#!/usr/bin/env node
// Writes README.md's list of docker commands from the command registry (source/docker/registry.ts).
// usage: npx tsx scripts/gen-readme-docker.mjs   (test/docker/registry.test.ts fails when the README is stale)
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const {readmeCommandList, README_BEGIN, README_END} = await import('../source/docker/registry.ts');
const README = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'README.md');
const text = fs.readFileSync(README, 'utf8');
const start = text.indexOf(README_BEGIN);
const end = text.indexOf(README_END);
if (start < 0 || end < start) throw new Error(`README.md has no ${README_BEGIN} … ${README_END} section`);
fs.writeFileSync(README, text.slice(0, start + README_BEGIN.length) + '\n' + readmeCommandList() + text.slice(end));
