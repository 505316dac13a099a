/** Ids made from what people type: lower-case ASCII letters and digits joined by `sep`. */
export function slugify(label: string, sep: '-' | '_'): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, sep)
    .replace(new RegExp(`^${sep}+|${sep}+$`, 'g'), '')
    .slice(0, 40)
    .replace(new RegExp(`${sep}+$`), '');
}
