import { screen, type BrowserWindow, type Rectangle } from 'electron';
import Store from 'electron-store';

interface WindowStateSchema {
  bounds: Rectangle | null;
  maximized: boolean;
}

const DEFAULT_SIZE = { width: 1280, height: 800 };

/** Remembers the window's size, position and maximized state between runs (electron-store). */
export class WindowState {
  private readonly store = new Store<WindowStateSchema>({
    name: 'window-state',
    defaults: { bounds: null, maximized: false },
  });

  /** Saved bounds, or a default size if none were saved or the saved spot is off every screen (unplugged monitor). */
  initialBounds(): Partial<Rectangle> & { width: number; height: number } {
    const saved = this.store.get('bounds');
    if (!saved) return DEFAULT_SIZE;
    const visible = screen.getAllDisplays().some(({ workArea: area }) => {
      return (
        saved.x < area.x + area.width &&
        saved.x + saved.width > area.x &&
        saved.y < area.y + area.height &&
        saved.y + saved.height > area.y
      );
    });
    return visible ? saved : { width: saved.width, height: saved.height };
  }

  get maximized(): boolean {
    return this.store.get('maximized');
  }

  track(window: BrowserWindow): void {
    window.on('close', () => {
      this.store.set('bounds', window.getNormalBounds());
      this.store.set('maximized', window.isMaximized());
    });
  }
}
