import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { FactView } from '../utils/protocol';
import { TimelinePanel } from './TimelinePanel';

afterEach(cleanup);

const FACT: FactView = {
  id: 'fact-one',
  claim: 'The Council met in closed session.',
  quotes: ['It met behind closed doors.'],
  date: '2020-12',
};

describe('TimelinePanel', () => {
  it('tells a failed load, and drops that failure when the next try succeeds', async () => {
    let calls = 0;
    const load = async (): Promise<FactView[]> => {
      calls++;
      if (calls === 1) throw new Error('the background did not answer');
      return [FACT];
    };
    render(<TimelinePanel load={load} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show the timeline' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The timeline could not be loaded: the background did not answer');
    fireEvent.click(screen.getByRole('button', { name: 'Hide the timeline' }));
    fireEvent.click(screen.getByRole('button', { name: 'Show the timeline' }));
    expect(await screen.findByText('The Council met in closed session.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says it is loading until the events come, and then shows them alone', async () => {
    let answer: (facts: FactView[]) => void = () => undefined;
    render(<TimelinePanel load={() => new Promise((resolve) => (answer = resolve))} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show the timeline' }));
    expect(screen.getByRole('status').textContent).toBe('Loading the timeline…');
    answer([FACT]);
    expect(await screen.findByText('The Council met in closed session.')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('writes out a sentence two events rest on under the first, and its first words under the second', async () => {
    const context = 'Since the Security Council session in December 2020 was not accessible to the press or public';
    const second: FactView = { id: 'fact-two', claim: 'It was held online.', quotes: ['It was a virtual meeting.', context], date: '2020-12' };
    render(<TimelinePanel load={async () => [{ ...FACT, quotes: [...FACT.quotes, context] }, second]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show the timeline' }));
    expect((await screen.findByText(context)).tagName).toBe('BLOCKQUOTE');
    expect(screen.getByText(/quoted above/).closest('blockquote')?.textContent).toBe('Since the Security Council session in December 2020 … (quoted above)');
    expect(screen.getAllByText(/^Since the Security Council/)).toHaveLength(2);
  });
});
