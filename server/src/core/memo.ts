/** A value computed once per object (a declaration, a parsed text) and kept while the object lives. */
export function memoize<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, V>();
  return (key) => {
    let v = memo.get(key);
    if (v === undefined) memo.set(key, (v = build(key)));
    return v;
  };
}
