#!/usr/bin/env python3
"""Run the newsfacts extractor over a JSON Lines corpus with Apache Spark.

Spark does the distribution; newsfacts stays a plain Unix worker. Each
partition of the input text file (one article object per line) is piped
through one `dump --jsonl -` process, which writes one JSON record per input
line, in order (an `{"id", "error", "origin"}` object in place of a bad line),
and the records are saved as JSON Lines part files in the output directory.

    newsfacts_spark.py --master 'local[2]' --dump target/release/examples/dump \\
        corpus.jsonl out/

Engines: `python` (default) pipes from the Python worker, as PySpark's
`RDD.pipe` does; `jvm` pipes from the executor JVM itself
(`JavaRDD.pipe`, reached through the SparkContext's Java handle), skipping the
Python worker and its serialization. Both write the same bytes.

On a cluster, ship the binary with `spark-submit --files dump` and pass
`--dump-from-files dump`: the executors then find it with SparkFiles.get.
Prints a timing line (startup, job, articles/s, MB/s) on standard error and,
with --timing-json FILE, writes it as JSON too.
"""

import argparse
import json
import os
import shlex
import sys
import time


def parse_args(argv):
    ap = argparse.ArgumentParser(
        description="Extract newsfacts records from a JSONL corpus with Spark."
    )
    ap.add_argument("input", help="JSON Lines corpus (any Hadoop path: file, hdfs://, s3a://)")
    ap.add_argument("output", help="output directory for the part-NNNNN record files (must not exist)")
    ap.add_argument("--master", default=None,
                    help="Spark master, e.g. local[2] (default: spark-submit's, else local[*])")
    ap.add_argument("--partitions", type=int, default=None,
                    help="minimum input partitions = dump processes started (default: 2 x parallelism)")
    ap.add_argument("--dump", default="target/release/examples/dump",
                    help="path of the dump binary on every worker (default: %(default)s)")
    ap.add_argument("--dump-from-files", metavar="NAME", default=None,
                    help="use the file NAME shipped with spark-submit --files (resolved with SparkFiles.get)")
    ap.add_argument("--gazetteer", action="append", default=[], metavar="TSV",
                    help="extra gazetteer passed to dump (must exist on every worker)")
    ap.add_argument("--command", default=None,
                    help="pipe through this command instead of the dump (e.g. 'cat', to measure overhead)")
    ap.add_argument("--engine", choices=("python", "jvm"), default="python",
                    help="python: PySpark RDD.pipe (default); jvm: JavaRDD.pipe, no Python worker")
    ap.add_argument("--quiet", action="store_true",
                    help="no progress bar, no web UI, log errors only (for tests)")
    ap.add_argument("--timing-json", metavar="FILE", help="also write the timing line as JSON")
    return ap.parse_args(argv)


def worker_command(args, sc):
    """The argv each partition's process runs.

    A binary shipped with --files is named by a placeholder that each task
    resolves on its own executor (SparkFiles.get there), because the path on
    the driver is not the path on the executors.
    """
    if args.command:
        return shlex.split(args.command)
    if args.dump_from_files:
        dump = FROM_FILES + args.dump_from_files
    else:
        dump = os.path.abspath(args.dump)
        if sc.master.startswith("local") and not os.access(dump, os.X_OK):
            sys.exit(f"newsfacts_spark: {dump} is not an executable (build it with "
                     "`cargo build --release --example dump`)")
    cmd = [dump]
    for g in args.gazetteer:
        cmd += ["--gazetteer", g]
    return cmd + ["--jsonl", "-"]


FROM_FILES = "sparkfiles:"


def pipe_partition(cmd):
    """A mapPartitions function: feed the lines to one `cmd` process, yield its lines.

    This is PySpark's RDD.pipe (a writer thread feeds stdin while the task
    reads stdout, so neither side blocks on a full pipe buffer) with two
    differences: the binary may be resolved on the executor, and a worker
    that exits non-zero always fails the task, so Spark retries it instead of
    silently keeping a partial partition.
    """

    def func(lines):
        import subprocess
        import threading

        argv = list(cmd)
        if argv[0].startswith(FROM_FILES):
            from pyspark import SparkFiles

            argv[0] = SparkFiles.get(argv[0][len(FROM_FILES):])
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

        def feed():
            try:
                for line in lines:
                    proc.stdin.write(line.encode("utf-8") + b"\n")
                proc.stdin.close()
            except BrokenPipeError:
                pass  # the worker died; its exit code reports it below

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        for out in proc.stdout:
            yield out.rstrip(b"\n").decode("utf-8")
        writer.join()
        # 1: some lines failed; their error records are in the output.
        if proc.wait() not in (0, 1):
            raise RuntimeError(f"{argv[0]} exited with status {proc.returncode}")

    return func


def run_python(sc, args, cmd, partitions):
    lines = sc.textFile(args.input, minPartitions=partitions)
    lines.mapPartitions(pipe_partition(cmd)).saveAsTextFile(args.output)
    return lines.getNumPartitions()


def run_jvm(sc, args, cmd, partitions):
    if cmd[0].startswith(FROM_FILES):
        # JavaRDD.pipe cannot resolve per task; executors keep --files in
        # their working directory, a local master in SparkFiles' root.
        name = cmd[0][len(FROM_FILES):]
        from pyspark import SparkFiles

        local = sc.master.startswith("local")
        cmd = [SparkFiles.get(name) if local else "./" + name] + cmd[1:]
    lines = sc._jsc.textFile(args.input, partitions)
    # JavaRDD.pipe(command, env, separateWorkingDir, bufferSize, encoding):
    # the encoding is explicit because Java 17's default charset follows the
    # locale, which may be ASCII on a server.
    # JavaRDD.pipe fails the task on any non-zero exit; the dump's 1 means
    # some lines failed and their error records are in the output.
    cmd = ["sh", "-c", '"$@" || [ $? -eq 1 ]', "sh"] + cmd
    records = lines.pipe(cmd, {}, False, 1 << 16, "UTF-8")
    records.saveAsTextFile(args.output)
    return lines.getNumPartitions()


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    t0 = time.monotonic()
    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setAppName("newsfacts")
    if args.master:
        conf.setMaster(args.master)
    elif "PYSPARK_GATEWAY_PORT" not in os.environ:
        # Run as a plain script, not by spark-submit (which sets the master).
        conf.setMaster("local[*]")
    if args.quiet:
        conf.set("spark.ui.showConsoleProgress", "false").set("spark.ui.enabled", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR" if args.quiet else "WARN")
    try:
        t1 = time.monotonic()
        cmd = worker_command(args, sc)
        partitions = args.partitions or 2 * sc.defaultParallelism
        run = run_jvm if args.engine == "jvm" else run_python
        nparts = run(sc, args, cmd, partitions)
        t2 = time.monotonic()
    finally:
        sc.stop()

    # Count what came back from the part files (local outputs only).
    records = 0
    in_bytes = os.path.getsize(args.input) if os.path.exists(args.input) else 0
    if os.path.isdir(args.output):
        for name in sorted(os.listdir(args.output)):
            if name.startswith("part-"):
                with open(os.path.join(args.output, name), "rb") as f:
                    records += sum(1 for _ in f)
    job = t2 - t1
    timing = {
        "engine": args.engine,
        "command": os.path.basename(cmd[0]),
        "master": sc.master,
        "partitions": nparts,
        "records": records,
        "input_bytes": in_bytes,
        "startup_s": round(t1 - t0, 3),
        "job_s": round(job, 3),
        "total_s": round(t2 - t0, 3),
        "records_per_s": round(records / job, 1) if job > 0 else None,
        "input_mb_per_s": round(in_bytes / 1e6 / job, 2) if job > 0 else None,
    }
    print("newsfacts_spark: " + " ".join(f"{k}={v}" for k, v in timing.items()), file=sys.stderr)
    if args.timing_json:
        with open(args.timing_json, "w", encoding="utf-8") as f:
            json.dump(timing, f)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
