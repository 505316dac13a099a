import { describe, expect, it } from 'vitest';
import { PRECISIONS } from '../feeds/types';
import { syntheticObservation } from '../../test/synthetic';
import { decodeSeries, encodeSeries } from './series';

describe('encodeSeries and decodeSeries', () => {
  it('keep every precision through the stored index', () => {
    const observations = PRECISIONS.map((precision, i) =>
      syntheticObservation({ period: `2025-0${i + 1}`, precision, value: i }),
    );
    expect(decodeSeries(encodeSeries(observations, 1))).toEqual(observations);
  });

  it('keep the indexes stored before quarters existed', () => {
    // Records written by earlier versions hold these indexes: they must keep their meaning.
    expect(PRECISIONS.slice(0, 4)).toEqual(['day', 'month', 'half-year', 'year']);
  });
});
