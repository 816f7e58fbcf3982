/** A row of toggle buttons for a multi-choice filter; none chosen means "all". */
export function Chips<T extends string>({
  label,
  options,
  chosen,
  onChange,
  render,
}: {
  label: string;
  options: readonly T[];
  chosen: readonly T[];
  onChange: (next: T[]) => void;
  render?: (option: T) => preact.ComponentChildren;
}) {
  return (
    <div class="chips" role="group" aria-label={label}>
      {options.map((option) => {
        const on = chosen.includes(option);
        return (
          <button
            type="button"
            key={option}
            class={`chip${on ? ' on' : ''}`}
            aria-pressed={on}
            data-filter={option}
            onClick={() => onChange(on ? chosen.filter((c) => c !== option) : [...chosen, option])}
          >
            {render ? render(option) : option}
          </button>
        );
      })}
    </div>
  );
}
