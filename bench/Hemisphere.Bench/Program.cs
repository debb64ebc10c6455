using Hemisphere.Bench;
using Hemisphere.Bench.Chat;
using Hemisphere.Bench.Generate;
using Hemisphere.Bench.Records;
using Hemisphere.Bench.Run;

const string Usage = """
    Usage: Hemisphere.Bench <verb> [options]
      generate --connection CS [--institutions 2000] [--people 200000] [--activities 5000] [--programmes 20] [--library 100000]
          [--users 5000] [--forum-topics 50000] [--forum-posts 1000000] [--chat-members 1000]
          [--courses 500] [--officers 200000] [--enrolments 1000000] [--learner-accounts 6000] [--seed 42] [--reset]
          Writes deterministic directory and portfolio data into a migrated PostgreSQL database with binary COPY.
          Refuses when generated rows are already there; --reset deletes them first (and only them).
      run --url http://127.0.0.1:PORT [--duration 20s] [--warmup 5s] [--connections 32] [--big-connections 4]
          [--threads 2] [--results bench/results] [--label TEXT] [--seed 42] [--members 200]
          Drives the running site with wrk, one scenario after another (the large and the slow answers with --big-connections),
          prints a markdown table and writes it as JSON to the results folder. Forum pages are signed in with the bearer
          tokens of generated members 1..--members (recomputed from --seed).
      chat --url http://127.0.0.1:PORT [--seed 42] [--users 5000] [--members 1000] [--room bench-fanout] [--rate 10] [--duration 30s]
          [--max 20000] [--step 2500] [--rooms 8] [--parallel 32] [--site-pid PID] [--cgroup DIR] [--time-limit 300s] [--urls U1,U2]
          [--skip-fanout] [--skip-connections] [--results bench/results] [--label TEXT]
          Fan-out latency to a room of --members members over the hub /hubs/chat, then connections held in steps with the site's memory.
      exam --url http://127.0.0.1:PORT --connection CS [--seed 42] [--learners 5000] [--window 60s] [--concurrency 128]
          [--prepare-concurrency 16] [--resubmit 100] [--results bench/results] [--label TEXT]
          The exam burst: learner accounts 1..--learners start an attempt at the exam course's first quiz and save answers, then all
          submit within --window at a steady rate; counts the attempts stored (SQL) and resubmits a sample (idempotency).
      records --connection CS [--statements 10000000] [--certificates 100000] [--seed 42] [--reset]
          The academy's learning records after generate: xAPI statements of the generated officers with their index rows (streamed
          with binary COPY; the tables' secondary indexes rebuilt after), the bench's LRS client, and certificates of completed
          enrolments. Credentials and certificate codes are recomputed by run from --seed.
      enrolment-csv --connection CS [--rows 200000] --out FILE [--seed 42]
          A bulk enrolment file for the site's import-enrolments verb: officers of generated institutions into open generated editions.
    """;

try
{
    var arguments = Arguments.Parse(args);
    return arguments.Verb switch
    {
        "generate" => await GenerateCommand.RunAsync(arguments),
        "run" => await RunCommand.RunAsync(arguments),
        "chat" => await ChatCommand.RunAsync(arguments),
        "exam" => await ExamCommand.RunAsync(arguments),
        "records" => await RecordsCommand.RunAsync(arguments),
        "enrolment-csv" => await EnrolmentCsvCommand.RunAsync(arguments),
        "help" or "--help" or "-h" or null => Help(),
        _ => throw new UsageException($"Unknown verb '{arguments.Verb}'."),
    };
}
catch (UsageException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    await Console.Error.WriteLineAsync(Usage);
    return 2;
}
catch (BenchException e)
{
    await Console.Error.WriteLineAsync("error: " + e.Message);
    return 1;
}

static int Help()
{
    Console.WriteLine(Usage);
    return 0;
}
