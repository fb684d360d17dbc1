/**
 * The picture files a booth may show (logos, photos, images in its text): the formats Astro's
 * image pipeline reads and browsers show. One list for the content check, the MDX guard, the
 * reading of picture files, the scaffold, the intake and the importer.
 */
export const pictureExtensions = ['png', 'jpg', 'jpeg', 'webp', 'avif', 'gif', 'svg'] as const;

/** "png|jpg|…", for a regular expression. */
export const pictureExtensionPattern = pictureExtensions.join('|');

/** A file name or path that ends with a picture's extension, in any case. */
export const pictureFile = new RegExp(`\\.(?:${pictureExtensionPattern})$`, 'i');

/** The same for the pictures the image pipeline decodes: every one but SVG. */
export const rasterFile = new RegExp(`\\.(?:${pictureExtensions.filter((e) => e !== 'svg').join('|')})$`, 'i');

/** The list as a message writes it. */
export const picturesInWords = '.png, .jpg, .webp, .avif, .gif or .svg';
