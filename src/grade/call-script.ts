/**
 * A property's calls, sent to the sandbox ahead in one message (bridge.ts, sandbox.mjs: BATCH).
 *
 * One grader process checks submission after submission with the same seed, and the input
 * replay (properties/support/input-replay.ts) gives each property the same inputs each time: a
 * submission that answers as the last one did gets the very same calls, byte for byte. Each call
 * costs a round trip through two pipes, two processes woken up; the shipped solution's 11,256
 * calls made a third of a submission's CPU time. So the call messages of a property's last
 * passing run are kept (its script), sent at the property's start in one message, and answered
 * by the sandbox one after another without waiting; the checks then take the answers in order.
 *
 * A script only ever stands for calls the checks make. Each call is still encoded as it would be
 * sent, and its answer is taken only when its bytes equal the script's next message; the
 * sandbox then saw exactly the message it would have been sent. The first call that differs (a
 * submission that answered otherwise, a shrinking run, a function argument) ends the script:
 * the answers still due are read and dropped, both sides forget the typed arrays they hold
 * (the script's later messages defined some the checks never sent), and calls go one by one
 * again. The only differences a submission can see are that it ran calls early, and the calls
 * of a script that ended early, whose answers count for nothing. The CPU time these cost while
 * they are dropped is not charged to the step's budget; what they cost before the difference
 * was seen is, as the sandbox runs them ahead while the checks work.
 */

/** A property's script: the call messages of its last passing run, and how many to send ahead. */
interface Script {
  messages: Uint8Array[];
  ahead: number;
}

/** The scripts of this process, by property. */
const scripts = new Map<string, Script>();

export class CallScript {
  /** The messages sent ahead, until a call differs from them; the next one. */
  private expected: Uint8Array[] | undefined;
  private next = 0;
  /** How many messages of a script to send ahead: fewer than those of a call that differed. */
  private ahead: number;
  /** This run's messages so far, up to the first one that carries a function. */
  private readonly recorded: Uint8Array[] = [];
  private recording = true;

  /** The script of property `key` (its file and name), followed and recorded anew. */
  constructor(private readonly key: string) {
    const script = scripts.get(key);
    this.ahead = script?.ahead ?? Infinity;
    this.expected = script?.messages.slice(0, this.ahead);
    if (this.expected?.length === 0) this.expected = undefined;
  }

  /** The messages to send ahead in one message; undefined when there are none. */
  sentAhead(): Uint8Array[] | undefined {
    return this.expected;
  }

  /**
   * Whether `message` (a call's whole message, as it would be written) is the next one sent
   * ahead, whose answer is then on its way; false ends the script (see {@link unanswered}).
   */
  follows(message: Uint8Array): boolean {
    if (this.expected === undefined || this.next >= this.expected.length) return false;
    const expected = this.expected[this.next];
    if (Buffer.compare(message, expected) !== 0) return false;
    this.next++;
    // Kept as it is: a script's messages are copies already, and carry no function.
    if (this.recording) this.recorded.push(expected);
    return true;
  }

  /**
   * How many answers of the messages sent ahead are still due; ends the script. Calls from the
   * first that differed on depend on something else than the property's inputs (an earlier
   * answer, which another submission rounds otherwise): later scripts of the property send
   * fewer ahead, so that the sandbox does not run calls whose answers are dropped.
   */
  unanswered(): number {
    const due = this.expected === undefined ? 0 : this.expected.length - this.next;
    if (due > 0) this.ahead = Math.min(this.ahead, this.next);
    this.expected = undefined;
    return due;
  }

  /** Records a message sent (one followed is recorded by {@link follows}); a call that passes a function ends the recording. */
  record(message: Uint8Array, passesFunctions: boolean): void {
    if (!this.recording) return;
    if (passesFunctions) this.recording = false;
    else this.recorded.push(new Uint8Array(message)); // a copy: the message is the writer's buffer
  }

  /** Keeps this run's messages as the property's script: call it when the property passed. */
  keep(): void {
    scripts.set(this.key, { messages: this.recorded, ahead: this.ahead });
  }
}
