// Read-your-writes with a streaming replica (DESIGN §13): while this cookie lives, the request reads
// the primary. The server sets it after every write; the browser sets it before a refetch that an
// event caused (a colleague's write the replica may not have replayed yet). Not a secret: a client
// that sends it only reads the primary.
export const READ_PRIMARY_COOKIE = "cc_read_primary";
/** Seconds after a write during which its author reads the primary (well above a healthy replica's lag). */
export const READ_PRIMARY_AFTER_WRITE_SECONDS = 10;
/** Seconds after an event during which the refetches it caused read the primary. */
export const READ_PRIMARY_AFTER_EVENT_SECONDS = 5;
