/**
 * The English spelling a unit name gets when the data gives none: the name without diacritics
 * (`Phường Bến Thành` → `Phuong Ben Thanh`). One function for both sides of the packed format: the
 * packer drops an English name equal to it, and `createGazetteer` derives it back, so they must
 * agree to the character.
 * @module
 * @internal
 */

/**
 * The name without combining marks, `đ`/`Đ` (and their look-alikes) as `d`/`D`.
 * @param name - a unit name
 * @returns its unmarked spelling
 * @example
 * ```ts
 * plainEn('Đắk Lắk') // 'Dak Lak'
 * ```
 */
export function plainEn(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đð]/g, 'd').replace(/[ĐÐƉ]/g, 'D');
}
