// The exact rule set `n8n-node lint` runs, which n8n's community package scanner also applies.
import { config } from '@n8n/node-cli/eslint';

export default config;
