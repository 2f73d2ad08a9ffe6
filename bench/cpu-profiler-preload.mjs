// Loaded into the server with NODE_OPTIONS=--import (node refuses --cpu-prof there). In the
// `switchyard start` server process only: SIGUSR2 starts V8's sampling profiler, the next SIGUSR2 stops it
// and writes CPU.<pid>.<n>.cpuprofile (n = 1, 2, …) to $SWITCHYARD_CPU_PROFILE_DIR, so each
// profile covers one measured phase, not startup.
import { renameSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";

const directory = process.env.SWITCHYARD_CPU_PROFILE_DIR;
if (directory && process.argv[1]?.endsWith("bin/switchyard.mjs") && process.argv[2] === "start") {
  const session = new Session();
  session.connect();
  let running = false;
  let written = 0;
  process.on("SIGUSR2", () => {
    if (!running) {
      running = true;
      session.post("Profiler.enable", () =>
        session.post("Profiler.setSamplingInterval", { interval: 100 }, () => session.post("Profiler.start")),
      );
      return;
    }
    running = false;
    session.post("Profiler.stop", (error, result) => {
      if (error) throw error;
      written += 1;
      const file = path.join(directory, `CPU.${process.pid}.${written}.cpuprofile`);
      writeFileSync(`${file}.partial`, JSON.stringify(result.profile));
      renameSync(`${file}.partial`, file);
    });
  });
}
