// A consumer of the generated declarations (events.d.ts, `events typescript`): it narrows the
// union of envelopes by `type` and reads members. Checked with
// `tsc --strict --noEmit events-codegen/ts/usage.ts`; the `@ts-expect-error` lines prove the
// declarations reject what the contract rejects, not only that they parse.

import type {
  DeviceProvisioningRecipeUpdatedEvent,
  DomainEvent,
  EventType,
  Organization,
} from "./events";

/** One line about any event, read through the union narrowed by `type`. */
export function describe(event: DomainEvent): string {
  switch (event.type) {
    case "Device.ProvisioningRecipeUpdated": {
      const payload = event.payload;
      const owner: Organization = payload.owner;
      const status: "Pending" | "Applied" | "Failed" | "Invalid" | null | undefined =
        payload.status;
      const tags: number = payload.tagUids?.length ?? 0;
      const warning: string | undefined =
        payload.unsuccessfulRegisterAttemptStatus?.warningMessage;
      const account: number | null | undefined = payload.originator?.accountId;
      return (
        `recipe ${payload.uid} of ${owner.organizationUid}: ${status ?? "no status"}, ` +
        `${tags} tags, ${warning ?? "no warning"}, by ${account ?? "the system"}`
      );
    }
    default:
      return `an event of another type`;
  }
}

/** A type guard written against the union: narrows to one envelope. */
export function isRecipeUpdate(event: DomainEvent): event is DeviceProvisioningRecipeUpdatedEvent {
  return event.type === "Device.ProvisioningRecipeUpdated";
}

/** Parsed JSON is typed only after the caller checks it (here, trusts it). */
export function parse(text: string): DomainEvent {
  return JSON.parse(text) as DomainEvent;
}

const example: DeviceProvisioningRecipeUpdatedEvent = {
  id: "string",
  kind: "domain",
  type: "Device.ProvisioningRecipeUpdated",
  payload: {
    owner: {
      ownershipType: "organization",
      organizationUid: "8429f601xxxxxxxxxxxxxxxxc54a5f56",
      parentCompanyUid: "e990a597xxxxxxxxxxxxxxxxc6430ef4",
    },
    status: "Pending",
    tagUids: ["85949411xxxxxxxxxxxxxxxx631f7794"],
    serialNumber: null,
    type: "Device.ProvisioningRecipeUpdated",
    uid: "2dfae202xxxxxxxxxxxxxxxxcd8150f7",
  },
};

const known: EventType = "Device.ProvisioningRecipeUpdated";

export const checked: string[] = [describe(example), known, String(isRecipeUpdate(parse("{}")))];

// @ts-expect-error: `kind` is "domain" and nothing else.
export const wrongKind: DomainEvent["kind"] = "integration";

// @ts-expect-error: literals are case-sensitive.
export const wrongStatus: DeviceProvisioningRecipeUpdatedEvent["payload"]["status"] = "pending";

// @ts-expect-error: `uid` is required.
export const noUid: DeviceProvisioningRecipeUpdatedEvent["payload"] = {
  owner: example.payload.owner,
  type: "Device.ProvisioningRecipeUpdated",
};

// @ts-expect-error: an envelope's `type` must name a registered type.
export const unknownType: EventType = "Device.Unknown";
