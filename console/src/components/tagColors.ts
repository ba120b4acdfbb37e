// The tag tones the console uses, each a text, background and border colour whose text passes WCAG
// AA (4.5:1) on its background: antd's preset tag colours (green #389e0d, orange #d46b08 on their
// pale backgrounds) fall short at about 3.3:1.
import type { CSSProperties } from 'react';

export type Tone = 'green' | 'gold' | 'orange' | 'red' | 'blue' | 'purple' | 'grey';

export const tagColors: Record<Tone, { color: string; background: string; borderColor: string }> = {
  green: { color: '#237804', background: '#f6ffed', borderColor: '#b7eb8f' }, // 5.4:1
  gold: { color: '#874d00', background: '#fffbe6', borderColor: '#ffe58f' }, // 6.5:1 (amber: due soon)
  orange: { color: '#ad4e00', background: '#fff7e6', borderColor: '#ffd591' }, // 5.1:1
  red: { color: '#cf1322', background: '#fff1f0', borderColor: '#ffa39e' }, // 5.1:1
  blue: { color: '#0958d9', background: '#e6f4ff', borderColor: '#91caff' }, // 5.5:1
  purple: { color: '#531dab', background: '#f9f0ff', borderColor: '#d3adf7' }, // 8.9:1
  grey: { color: '#434343', background: '#fafafa', borderColor: '#d9d9d9' }, // 9.5:1
};

/** The style of a tag in `tone`. */
export const toneStyle = (tone: Tone): CSSProperties => ({ ...tagColors[tone] });
