// Writes the catalog schema's compiled validator (src/core/schema/validatorSource.ts). Run: npm run schema:validator
import { writeFileSync } from 'fs';
import path from 'path';

import { GENERATED_VALIDATOR, validatorSource } from '../src/core/schema/validatorSource';

writeFileSync(path.resolve(__dirname, '..', GENERATED_VALIDATOR), validatorSource());
console.log(`schema:validator: wrote ${GENERATED_VALIDATOR}`);
