import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PAPER_WIDTHS, usePaperWidth } from './paper-width';

/** The tablet's receipt paper width (58 / 80 mm), for the counter's settings. Saved on this device. */
export function PaperWidthSetting() {
  const { t } = useTranslation();
  const [width, setWidth] = usePaperWidth();
  const id = useId();
  return (
    <fieldset className="paper-setting" aria-describedby={`${id}-hint`} data-testid="paper-width-setting">
      <legend className="field-label">{t('receipt.paper.label')}</legend>
      <div className="paper-options" role="radiogroup">
        {PAPER_WIDTHS.map((w) => (
          <label key={w} className={`paper-option${w === width ? ' paper-option-on' : ''}`}>
            <input type="radio" name={`${id}-paper`} value={w} checked={w === width} onChange={() => setWidth(w)} data-testid={`paper-${w}`} />
            {t(w === 58 ? 'receipt.paper.w58' : 'receipt.paper.w80')}
          </label>
        ))}
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {t('receipt.paper.hint')}
      </p>
    </fieldset>
  );
}
