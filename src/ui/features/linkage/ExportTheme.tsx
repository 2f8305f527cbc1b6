/** The theme a picture's SVG and PNG exports are written in: the Linkage view's and the Compare view's. */
export type PictureTheme = 'light' | 'dark';

export function ExportTheme({
  theme,
  onChange,
}: {
  theme: PictureTheme;
  onChange: (theme: PictureTheme) => void;
}) {
  return (
    <label>
      Export theme{' '}
      <select
        aria-label="Export theme"
        value={theme}
        onChange={(e) => onChange(e.currentTarget.value === 'dark' ? 'dark' : 'light')}
      >
        <option value="light">light</option>
        <option value="dark">dark</option>
      </select>
    </label>
  );
}
