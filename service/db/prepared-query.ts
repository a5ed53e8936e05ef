import type { CompiledQuery, Compilable } from 'kysely'
import type { Db } from './store'

/** Stands in for a parameter while a prepared query is compiled. */
class Placeholder {
  constructor(readonly name: string) {}
}

/**
 * A query of the hot path (a device's token, a code's verification), built and compiled once per
 * engine and run with each call's values. Kysely builds and compiles every query anew, which was
 * a tenth of a refused request's CPU under load (docs/performance.md); the statement itself is
 * then reused by the driver as every other (service/db/sqlite-store.ts, postgres-store.ts).
 * `build` gets placeholders for `params`: it may only pass them where Kysely takes a value.
 */
export function preparedQuery<Params extends Record<string, unknown>, Row>(
  build: (db: Db, params: Params) => Compilable<Row>,
): (db: Db, params: Params) => Promise<Row[]> {
  const compiled = new WeakMap<object, CompiledQuery<Row>>()
  return async (db, params) => {
    // One compiled query per dialect: a transaction shares its pool's adapter.
    const adapter = db.getExecutor().adapter
    let query = compiled.get(adapter)
    if (!query) {
      const placeholders = Object.fromEntries(
        Object.keys(params).map((name) => [name, new Placeholder(name)]),
      ) as unknown as Params
      query = build(db, placeholders).compile()
      compiled.set(adapter, query)
    }
    const parameters = query.parameters.map((value) =>
      value instanceof Placeholder ? params[value.name] : value,
    )
    return (await db.executeQuery<Row>({ ...query, parameters })).rows
  }
}
