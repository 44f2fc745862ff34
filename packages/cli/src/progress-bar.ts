import { Presets, SingleBar } from 'cli-progress';
import type { Progress } from './cli-context';

/** A cli-progress bar on `stream`; undefined unless the stream is a terminal. */
export function startProgressBar(stream: NodeJS.WriteStream, total: number, unit: string): Progress | undefined {
  if (!stream.isTTY) return undefined;
  const bar = new SingleBar(
    {
      stream,
      format: `{bar} {value}/{total} ${unit} | {duration_formatted}`,
      clearOnComplete: true,
      hideCursor: false, // a hidden cursor would stay hidden if the command is killed mid-way
    },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  let stopped = false;
  return {
    update: (done) => bar.update(done),
    stop: () => {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}
