// A tag in one of the console's AA-contrast tones (tagColors.ts), in place of antd's preset colours.
import { Tag, type TagProps } from 'antd';
import { toneStyle, type Tone } from './tagColors.ts';

export function ToneTag({ tone = 'grey', style, ...props }: Omit<TagProps, 'color'> & { tone?: Tone }) {
  return <Tag {...props} style={{ ...toneStyle(tone), ...style }} />;
}
