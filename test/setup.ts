// fake-indexeddb gives Dexie a real IndexedDB implementation under happy-dom.
import 'fake-indexeddb/auto';
