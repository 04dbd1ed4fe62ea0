// Answers asked for before the page that shows them exists: the start asks for the first
// page's figures beside the catalogue, instead of after the shell has drawn. A page takes an
// answer once, and only when it asks with the same arguments; any other ask goes to the core.
const waiting = new Map<string, Promise<unknown>>()

const keyOf = (name: string, args: unknown) => `${name}:${JSON.stringify(args)}`

/** Asks now; the answer waits for the page's `take` with the same name and arguments. */
export function prefetch<A, T>(name: string, args: A, ask: (args: A) => Promise<T>): void {
  const answer = ask(args)
  // A failure is the page's to show when it takes the answer, not an unhandled rejection.
  answer.catch(() => undefined)
  waiting.set(keyOf(name, args), answer)
}

/** An answer already at hand (the opening's figures), for the page's `take` with these arguments. */
export function seed<A, T>(name: string, args: A, answer: T): void {
  waiting.set(keyOf(name, args), Promise.resolve(answer))
}

/** The prefetched answer for these arguments (once), or a new ask. */
export function take<A, T>(name: string, args: A, ask: (args: A) => Promise<T>): Promise<T> {
  const key = keyOf(name, args)
  const answer = waiting.get(key) as Promise<T> | undefined
  waiting.delete(key)
  return answer ?? ask(args)
}

