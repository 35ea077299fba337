// The channel accounts as every inbound message needs them (its account's routing, and our own
// addresses for the loop check): a handful of rows read on every message and changed by an
// admin now and then, so kept as a shared copy (dropped by a change in this process, reloaded by
// the others within seconds). Cursors and secrets are read fresh by those who use them.
import { SharedCopy } from '../../platform/cache/shared-copy.ts';
import type { Db } from '../../platform/db/database.ts';
import { channelAccount } from './accounts.schema.ts';

type AccountRow = typeof channelAccount.$inferSelect;

interface Accounts {
  byId: Map<string, AccountRow>;
  /** Every address an e-mail account receives or sends mail as, lower-cased. */
  emailAddresses: Set<string>;
  /** The active e-mail accounts by their address, lower-cased. */
  activeEmailByAddress: Map<string, AccountRow>;
}

export class AccountBook extends SharedCopy<Accounts> {
  constructor() {
    super(async (db) => {
      const rows = await db.select().from(channelAccount);
      return {
        byId: new Map(rows.map((r) => [r.id, r])),
        emailAddresses: new Set(rows.filter((r) => r.channel === 'email').map((r) => r.address.toLowerCase())),
        activeEmailByAddress: new Map(rows.filter((r) => r.channel === 'email' && r.state === 'active').map((r) => [r.address.toLowerCase(), r])),
      };
    });
  }

  async account(db: Db, id: string): Promise<AccountRow | undefined> {
    const book = await this.get(db);
    // An account created a moment ago in another process: read it rather than wait for the copy.
    if (!book.byId.has(id)) {
      this.forget();
      return (await this.get(db)).byId.get(id);
    }
    return book.byId.get(id);
  }

  /** The active e-mail account receiving mail at this address (an SMTP recipient), if any. */
  async activeEmailAccount(db: Db, address: string): Promise<AccountRow | undefined> {
    const key = address.toLowerCase();
    const found = (await this.get(db)).activeEmailByAddress.get(key);
    if (found) return found;
    // Unknown here: perhaps connected a moment ago in another process. As costly as before the copy.
    this.forget();
    return (await this.get(db)).activeEmailByAddress.get(key);
  }

  async emailAddresses(db: Db): Promise<Set<string>> {
    return (await this.get(db)).emailAddresses;
  }
}
