import { readFileSync } from 'fs';
import path from 'path';

import { GENERATED_VALIDATOR, validatorSource } from './validatorSource';

describe('the compiled catalog validator', () => {
  it('is what the schema compiles to today (npm run schema:validator after a schema change)', () => {
    const committed = readFileSync(path.resolve(__dirname, '../../..', GENERATED_VALIDATOR), 'utf8');
    expect(committed === validatorSource()).toBe(true);
  });
});
