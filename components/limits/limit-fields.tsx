import type { KeyLimitsView } from "@/lib/rate-limits/key-limits";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** A key's or a user's limits as the screens edit them; null means no limit. */
export type LimitValues = Pick<KeyLimitsView, "requestsPerMinute" | "tokensPerMinute" | "monthlyBudgetUsd">;

const LIMITS = [
  { name: "requestsPerMinute", label: "Requests per minute", shortLabel: "Requests / min", step: 1 },
  {
    name: "tokensPerMinute",
    label: "Tokens per minute",
    shortLabel: "Tokens / min",
    step: 1,
    hint: "Input, cache writes and output; cache reads are not counted.",
  },
  {
    name: "monthlyBudgetUsd",
    label: "Monthly budget (US dollars)",
    shortLabel: "Budget $ / month",
    step: 0.01,
    hint: "Spend at the catalog's prices per UTC calendar month.",
  },
] as const;

/**
 * The three limit inputs of a form, empty for no limit: labelled fields with hints, or, with
 * `compactFor` (whose limits, e.g. a user's email), a row of short ones for a list of users.
 * {@link readLimitFields} reads them back.
 */
export function LimitFields({ values, compactFor }: { values: LimitValues; compactFor?: string }) {
  if (compactFor !== undefined) {
    return (
      <div className="grid gap-2 sm:grid-cols-3">
        {LIMITS.map((limit) => (
          <label key={limit.name} className="space-y-1 text-xs text-zinc-600 dark:text-zinc-400">
            <span>{limit.shortLabel}</span>
            <Input
              name={limit.name}
              type="number"
              min={limit.step}
              step={limit.step}
              placeholder="none"
              defaultValue={values[limit.name] ?? ""}
              aria-label={`${limit.shortLabel} for ${compactFor}`}
            />
          </label>
        ))}
      </div>
    );
  }
  return LIMITS.map((limit) => (
    <Field key={limit.name} label={limit.label} optional hint={"hint" in limit ? limit.hint : undefined}>
      {(control) => (
        <Input
          {...control}
          name={limit.name}
          type="number"
          min={limit.step}
          step={limit.step}
          defaultValue={values[limit.name] ?? ""}
        />
      )}
    </Field>
  ));
}

/** What a form's {@link LimitFields} say: a number each, or null where left empty. */
export function readLimitFields(form: FormData): LimitValues {
  const limitOrNull = (name: keyof LimitValues) => {
    const text = String(form.get(name) ?? "").trim();
    return text === "" ? null : Number(text);
  };
  return {
    requestsPerMinute: limitOrNull("requestsPerMinute"),
    tokensPerMinute: limitOrNull("tokensPerMinute"),
    monthlyBudgetUsd: limitOrNull("monthlyBudgetUsd"),
  };
}
