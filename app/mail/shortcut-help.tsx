"use client";

const KEYS: Array<[string, string]> = [
  ["j / ↓", "Next message"],
  ["k / ↑", "Previous message"],
  ["Enter / o", "Open message"],
  ["u", "Back to the list"],
  ["x", "Select message"],
  ["s", "Star or unstar"],
  ["# / Delete", "Delete"],
  ["!", "Spam (Not spam in Junk)"],
  ["c", "Compose"],
  ["r / a / f", "Reply, reply all, forward"],
  ["/", "Search"],
  ["?", "Show or hide this list"],
];

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <div className="shortcut-help" role="dialog" aria-modal="false" aria-label="Keyboard shortcuts">
      <h2>Keyboard shortcuts</h2>
      <dl>
        {KEYS.map(([k, v]) => (
          <div key={k}>
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
