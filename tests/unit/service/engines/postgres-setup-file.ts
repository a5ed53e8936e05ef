import { afterAll } from 'vitest'
import { dropCreatedDatabases } from './test-database'

// Each test file's databases go when the file is done: the cluster lives for the whole run.
afterAll(() => dropCreatedDatabases())
