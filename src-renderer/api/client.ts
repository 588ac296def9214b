// `api.meetings.create(input)`: the typed client, derived from the contract.
import { createClient } from '../../src-shared/api';
import { createTransport } from './transport';

export const api = createClient(createTransport());
