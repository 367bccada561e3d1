#!/usr/bin/env node
// The CLI is TypeScript: register tsx first, then load it (a static import would be hoisted above register()).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
