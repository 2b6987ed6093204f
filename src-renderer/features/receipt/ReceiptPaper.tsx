import type { CSSProperties } from 'react';
import type { ReceiptBlock, ReceiptDocument } from '../../../src-main/receipt/receipt-types';
import { QrCode } from '../../shared/QrCode';

function Block({ block, width }: { block: ReceiptBlock; width: number }) {
  switch (block.kind) {
    case 'text':
      return (
        <div
          className={`receipt-text align-${block.align}${block.bold ? ' bold' : ''}${block.large ? ' large' : ''}`}
        >
          {block.text || '\u00a0'}
        </div>
      );
    case 'rule':
      return <div className="receipt-text">{block.char.repeat(width)}</div>;
    case 'qr':
      return (
        <div className="receipt-qr" title={block.data} data-testid="receipt-qr" data-qr={block.data}>
          <QrCode data={block.data} label="Código QR del comprobante" />
        </div>
      );
    case 'feed':
      return <div style={{ height: `${block.lines * 1.25}em` }} />;
    case 'cut':
      return <div className="receipt-cut">✂ {'- '.repeat(Math.floor(width / 2) - 2)}</div>;
  }
}

/** The receipt exactly as laid out by the core, on a monospace strip as wide as the paper. */
export function ReceiptPaper({ receipt }: { receipt: ReceiptDocument }) {
  const style = { '--receipt-columns': receipt.width } as CSSProperties;
  return (
    <div className="receipt-scroll">
      <div className="receipt-paper" style={style} data-testid="receipt-paper">
        {receipt.blocks.map((block, index) => (
          <Block key={index} block={block} width={receipt.width} />
        ))}
      </div>
    </div>
  );
}
