// The address plan the Show Address Plan view and the Address Plan tree display: fetched from the
// server once per change and shared, refetched when the server says an analysis changed a cluster or
// when the server (re)starts.

import { Disposable, Event, EventEmitter } from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';
import { ADDRESS_PLAN_CHANGED_NOTIFICATION, ADDRESS_PLAN_REQUEST, AddressPlanResult } from '../../server/src/lsp/addressPlanProtocol';

export class AddressPlanSource implements Disposable {
  private readonly changed = new EventEmitter<void>();
  private readonly subscriptions: Disposable[];
  private current: Promise<AddressPlanResult> | undefined;

  /** Fires when a plan fetched before is out of date. */
  readonly onDidChange: Event<void> = this.changed.event;

  constructor(private readonly client: LanguageClient) {
    this.subscriptions = [
      client.onNotification(ADDRESS_PLAN_CHANGED_NOTIFICATION, () => this.invalidate()),
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) this.invalidate();
      }),
      this.changed,
    ];
  }

  /** The latest plan; a failed request is not kept, so the next call asks again. */
  plan(): Promise<AddressPlanResult> {
    if (!this.current) {
      const request = this.client.sendRequest<AddressPlanResult>(ADDRESS_PLAN_REQUEST, {});
      this.current = request;
      request.catch(() => {
        if (this.current === request) this.current = undefined;
      });
    }
    return this.current;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private invalidate(): void {
    this.current = undefined;
    this.changed.fire();
  }
}
