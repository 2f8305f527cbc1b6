/** Every query key of the app, built in one place (house style rule 7). */
export const queryKeys = {
  archive: (fileKey: string) => ['archive', fileKey] as const,
  imageView: (fileKey: string, imageKey: string) => ['image-view', fileKey, imageKey] as const,
};
