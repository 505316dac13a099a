/** The communes of the search field, built by vite.config.ts (communeIndex) from src/search/communeIndex.ts. */
declare module 'virtual:commune-index' {
  const text: string;
  export default text;
}
