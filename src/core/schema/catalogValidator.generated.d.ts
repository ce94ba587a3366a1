/** The catalog schema's compiled validator (catalogValidator.generated.js, from validatorSource.ts). */
import type { ErrorObject } from 'ajv';

declare const validate: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
export default validate;
