/** ajv validator for policy-schema.json, shared by the schema and deployment-kit tests. */
import Ajv from 'ajv';
import { POLICY_SCHEMA } from '../../../shared/policy/parse-policy';

export function policyAjv() {
  const ajv = new Ajv({ strict: true, allErrors: true });
  // Annotations of our own: documentation and parsePolicy's extra checks, no validation in ajv.
  ajv.addKeyword({ keyword: 'x-ja', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-kokoroe-format', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-sensitive', schemaType: 'boolean' });
  return ajv.compile(POLICY_SCHEMA);
}
