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
      forceRedraw: true, // redraw on every tick, also after log() wrote over the bar
    },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  let stopped = false;
  return {
    update: (done) => bar.update(done),
    log: (text) => {
      // Clear the bar's line and write the text; the bar is drawn again below it on its next tick.
      // The bar saved the cursor when it started and restores it when it stops: save it again
      // below the text (ESC 7), or stop() would go back up and overwrite it.
      stream.cursorTo?.(0);
      stream.clearLine?.(0);
      stream.write(stopped ? text : `${text}\x1b7`);
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}
