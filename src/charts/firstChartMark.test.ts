import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterFrame, FIRST_CHART_MARK, markFirstChart } from './firstChartMark';

const marks = () => performance.getEntriesByName(FIRST_CHART_MARK, 'mark');
const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 5)));

afterEach(() => {
  performance.clearMarks(FIRST_CHART_MARK);
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('markFirstChart', () => {
  it('waits for a chart point, then marks once', async () => {
    const node = document.createElement('div');
    document.body.append(node);
    const action = markFirstChart(node);
    await painted();
    expect(marks()).toHaveLength(0); // no point yet: nothing on screen

    const point = document.createElement('g');
    point.className = 'point';
    node.append(document.createElement('figure'));
    node.firstChild!.appendChild(point);
    await vi.waitFor(() => expect(marks()).toHaveLength(1));

    node.append(point.cloneNode());
    const second = document.createElement('div');
    second.innerHTML = '<g class="point"></g>';
    markFirstChart(second);
    await painted();
    expect(marks()).toHaveLength(1);
    action.destroy();
  });

  it('marks nothing when the page goes away before any point', async () => {
    const node = document.createElement('div');
    const action = markFirstChart(node);
    action.destroy();
    node.innerHTML = '<g class="point"></g>';
    await painted();
    expect(marks()).toHaveLength(0);
  });

  it('waits for the content the page names, when it is not a chart point', async () => {
    const node = document.createElement('div');
    document.body.append(node);
    node.innerHTML = '<g class="point"></g>';
    markFirstChart(node, 'tr.source-row');
    await painted();
    expect(marks()).toHaveLength(0);
    node.insertAdjacentHTML('beforeend', '<table><tr class="source-row"></tr></table>');
    await vi.waitFor(() => expect(marks()).toHaveLength(1));
  });

  it('marks by a task of the highest priority where the browser has scheduler.postTask', async () => {
    const postTask = vi.fn((callback: () => void, _options: unknown) =>
      Promise.resolve(callback()),
    );
    vi.stubGlobal('scheduler', { postTask });
    const node = document.createElement('div');
    node.innerHTML = '<g class="point"></g>';
    markFirstChart(node);
    await vi.waitFor(() => expect(marks()).toHaveLength(1));
    expect(postTask).toHaveBeenCalledTimes(1);
    expect(postTask.mock.calls[0]![1]).toEqual({ priority: 'user-blocking' });
  });
});

describe('afterFrame', () => {
  it('runs after the frame callbacks of the frame being prepared', async () => {
    const order: string[] = [];
    afterFrame(() => order.push('after'));
    requestAnimationFrame(() => order.push('frame'));
    await vi.waitFor(() => expect(order).toEqual(['frame', 'after']));
  });
});
