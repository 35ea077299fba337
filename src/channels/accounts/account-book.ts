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
    return this.find(db, (book) => book.byId.get(id));
  }

  /** The active e-mail account receiving mail at this address (an SMTP recipient), if any. */
  async activeEmailAccount(db: Db, address: string): Promise<AccountRow | undefined> {
    const key = address.toLowerCase();
    return this.find(db, (book) => book.activeEmailByAddress.get(key));
  }

  /**
   * An account found in the copy; one the copy does not know (connected a moment ago in
   * another process) is read afresh rather than waited for — as costly as before the copy.
   */
  private async find(db: Db, pick: (book: Accounts) => AccountRow | undefined): Promise<AccountRow | undefined> {
    const found = pick(await this.get(db));
    if (found) return found;
    this.forget();
    return pick(await this.get(db));
  }

  async emailAddresses(db: Db): Promise<Set<string>> {
    return (await this.get(db)).emailAddresses;
  }
}
