/** Snowflakes like Discord's: ms since 2015-01-01 in the top bits, so discord.js derives `createdTimestamp`. */
const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A fresh snowflake (18-19 digits today) for `at` (default now); successive calls differ. */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

/** The creation time encoded in a snowflake. */
export function timestampOf(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/**
 * The shard that receives a guild's events: `(guild_id >> 22) % shardCount`, as Discord routes them (DMs go to
 * shard 0).
 */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(Math.max(1, shardCount)));
}
